// The phone renderer outside the browser, for `flowdeck preview`: the screens of a Flow JSON,
// one HTML page per screen and an index, and the routes between screens. Pure functions.
export { flowScreens } from './flow';
export { indexPage, screenFileName, screenPage } from './page';
export { screenRouting, type Routing } from './routing';
