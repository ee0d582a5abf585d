export { type AnswerChecker, createAnswerChecker, type RecordedAnswer } from "./answer-checker.js";
export {
  type AnswerMismatch,
  type CheckConformanceAnswersOptions,
  checkConformanceAnswers,
  formatMismatches,
} from "./check-conformance-answers.js";
