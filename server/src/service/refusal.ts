// A request the user made that cannot be done as asked (renaming a screen to an id that is not
// valid, to a name already taken): not a bug. The service passes it through instead of logging it
// as a failure, and the LSP layer answers it as an error response whose message VS Code shows.
export class RequestRefused extends Error {
  override readonly name = 'RequestRefused';
}
