// A leveled log over the LSP connection's console (the client shows it in its output channel).
import type { Connection } from 'vscode-languageserver';
import type { LogLevel } from '../service/languageService';

const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface ServerLog {
  (level: LogLevel, message: string): void;
  level: LogLevel;
}

export function connectionLog(connection: Connection, level: LogLevel = 'info'): ServerLog {
  const log = ((l: LogLevel, message: string) => {
    if (ORDER[l] > ORDER[log.level]) return;
    switch (l) {
      case 'error': connection.console.error(message); break;
      case 'warn': connection.console.warn(message); break;
      case 'info': connection.console.info(message); break;
      default: connection.console.log(message); break;
    }
  }) as ServerLog;
  log.level = level;
  return log;
}
