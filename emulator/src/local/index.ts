// Running a flow file on this machine outside the emulator server, as `flowdeck run` and the
// debugger do: the file read and checked, its input, its workspace, the workspace's objects.
export {
  findWorkspace,
  describeFlowFileProblem,
  isFlowFileProblem,
  loadFlowFile,
  loadFlowText,
  parseInputText,
  readInputFile,
  workspaceTasks,
  type FlowFileProblem,
  type FlowFileProblemText,
  type LoadedFlow,
} from './flowFile';
export { ObjectStore, WORKSPACE_OBJECTS_DIR } from '../objects/store';
export { objectAccess } from '../objects/access';
