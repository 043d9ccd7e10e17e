import * as core from "@actions/core";

/**
 * The runner-facing I/O the action uses (inputs, outputs, log, workflow-command annotations, job
 * summary, step failure). `coreIO` is @actions/core; tests inject a recorder.
 */
export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface ActionIO {
  /** The raw input value, or undefined when the runner did not set `INPUT_<NAME>` at all. */
  getInput(name: string): string | undefined;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  notice(message: string, props?: AnnotationProps): void;
  /** Appends markdown to $GITHUB_STEP_SUMMARY. */
  writeSummary(markdown: string): Promise<void>;
  /** Masks a value in the log from now on (`::add-mask::`). */
  setSecret(value: string): void;
}

/** The variable @actions/core reads: spaces become `_`, hyphens are kept (`INPUT_GITHUB-TOKEN`). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export function coreIO(env: NodeJS.ProcessEnv = process.env): ActionIO {
  return {
    getInput: (name) => env[inputEnvName(name)],
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    // @actions/core escapes the message (%, \r, \n) and the properties (also : and ,), so text from the
    // repository cannot end the command or start a new one.
    warning: (message, props) => core.warning(message, props),
    error: (message, props) => core.error(message, props),
    notice: (message, props) => core.notice(message, props),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    setSecret: (value) => core.setSecret(value),
  };
}
