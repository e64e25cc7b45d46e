"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = void 0;
exports.readArguments = readArguments;
/**
 * Command-line flags for every script, with one convention (node:util parseArgs): `--flag value` and `--flag=value`
 * both work, a switch takes no value, and an unknown flag, a missing value or an unexpected argument is an error
 * that names it. Each script keeps its own checks of the values (ranges, `--from` ≠ `--to`).
 */
const node_util_1 = require("node:util");
/** Bad usage: the message names the flag or argument; the script prints it with its usage line and exits 2. */
class UsageError extends Error {
}
exports.UsageError = UsageError;
/** parseArgs' own error codes (Node's `ERR_PARSE_ARGS_*`), turned into one short sentence each. */
function usageMessage(error) {
    const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
    switch (error.code) {
        case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
            return `unknown option ${flag ?? error.message}`;
        case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
            // "Option '--to <value>' argument missing" or "Option '--dry-run' does not take an argument".
            return / does not take an argument/.test(error.message) ? `${flag} takes no value` : `${flag} needs a value`;
        case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
            return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? error.message}`;
        default:
            return undefined;
    }
}
/** The flags (and, where the script takes them, the positional arguments) of `argv`; a UsageError on bad usage. */
function readArguments(argv, options, allowPositionals = false) {
    try {
        return (0, node_util_1.parseArgs)({ args: argv, options, strict: true, allowPositionals });
    }
    catch (e) {
        const message = e instanceof Error ? usageMessage(e) : undefined;
        if (message)
            throw new UsageError(message);
        throw e;
    }
}
