import { parseArgs } from "node:util";
import type { Command, OptionValues } from "./command.js";
import { EXIT, UserError } from "./command.js";
import { didYouMean } from "./suggest.js";

/**
 * A command's arguments, checked before Node's parser sees them so that every
 * mistake gets a plain sentence and, for a misspelt option, the option the
 * user probably meant. Every argument mistake is exit status 2.
 */

export interface ParsedArguments {
  values: OptionValues;
  positionals: string[];
}

function badArgument(message: string): UserError {
  return new UserError(message, EXIT.unreadable);
}

export function parseCommandArguments(command: Command, args: readonly string[]): ParsedArguments {
  const options = command.options;
  const known = Object.keys(options).map((name) => `--${name}`);
  const { tokens } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (!spec) {
      throw badArgument(
        `unknown option ${token.rawName}.${didYouMean(`--${token.name}`, known)} Run \`partnership ${command.name} --help\` for its options.`,
      );
    }
    if (spec.type === "boolean" && token.value !== undefined)
      throw badArgument(`${token.rawName} takes no value (got "${token.value}").`);
    if (spec.type === "string" && token.value === undefined)
      throw badArgument(
        `${token.rawName} needs a value (see \`partnership ${command.name} --help\`).`,
      );
    if (spec.type === "string" && !token.inlineValue && token.value?.startsWith("-")) {
      throw badArgument(
        `${token.rawName} needs a value, but the next argument is "${token.value}". ` +
          `Give the value straight after it, or write ${token.rawName}=${token.value} if the value really starts with a dash.`,
      );
    }
  }
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    throw badArgument(error instanceof Error ? error.message : String(error));
  }
}
