// The flow test runner's public face: what the CLI (`flowdeck test`), the Testing view and the
// debugger's "debug this case" use. Everything else in flowtest/src is internal.
export { findTestFiles, MissingPathError, TEST_FILE_RE } from './discover';
export { readTestFile, parseTestFile } from './testFile';
export { loadFlow, type FlowUnderTest, type LoadedFlow } from './flow';
export { runCase, type CaseFailure, type CaseOutcome, type RunCaseOptions } from './runCase';
export { CaseEnvironment } from './caseEnvironment';
export { runTests, workspaceOf, type CaseReport, type RunTestsOptions, type TestRunReport } from './runTests';
export {
  coverageOf, recordRun, summarize, type CoverageSummary, type CoverageTarget, type FlowCoverage, type TargetKind,
} from './coverage';
export { MockErrors } from './mockTasks';
export { stateNameSlot, stateNamesFor, type StateNameChoice, type StateNameSlot } from './stateNames';
export { textReport, jsonReport, junitReport } from './reporters';
export {
  caseFromExecution, appendCase, withCaseAppended, testFileFor, uniqueCaseName, type RecordedExecution,
} from './fromExecution';
export {
  TestFileError, type Expectation, type MockAnswer, type StateMock, type TestCase, type TestFile, type TextSpan,
} from './model';
