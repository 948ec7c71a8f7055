import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { LintError } from './errors.js';
import { recommended } from './presets/recommended.js';
import { strict } from './presets/strict.js';
import type { Rule } from './rule.js';
import { rules as builtinRules } from './rules/index.js';

export const SeverityNameSchema = z.enum(['off', 'warn', 'error']);
export const SeverityLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export const RuleSeveritySchema = z.union([SeverityNameSchema, SeverityLevelSchema]);

/** A rule's setting: a severity, or [severity, options]. */
export const RuleEntrySchema = z.union([
  RuleSeveritySchema,
  z.tuple([RuleSeveritySchema]),
  z.tuple([RuleSeveritySchema, z.unknown()]),
]);

/** The shape of xxgk.config.json / the default export of xxgk.config.js. */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    preset: z.enum(['recommended', 'strict']).optional(),
    rules: z.record(z.string(), RuleEntrySchema).optional(),
  })
  .strict();

export type SeverityName = z.infer<typeof SeverityNameSchema>;
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;
export type RuleEntry = z.infer<typeof RuleEntrySchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type PresetName = NonNullable<Config['preset']>;

/** One enabled rule with its effective severity and validated options. */
export interface ResolvedRule {
  readonly rule: Rule;
  readonly severity: 'warn' | 'error';
  readonly options: unknown;
  /**
   * True when the severity was set by the configuration (a `rules` entry or the strict preset): it
   * then applies to every finding; otherwise a finding may carry its own severity (ReportDescriptor.severity).
   */
  readonly fixed?: boolean;
}

export const CONFIG_FILES = ['xxgk.config.json', 'xxgk.config.js', 'xxgk.config.mjs'] as const;

export const presets: Readonly<Record<PresetName, Readonly<Record<string, SeverityName>>>> = { recommended, strict };

export function severityName(value: RuleSeverity): SeverityName {
  if (value === 0) return 'off';
  if (value === 1) return 'warn';
  if (value === 2) return 'error';
  return value;
}

/** Validates an unknown value as a Config (throws LintError INVALID_CONFIG). */
export function parseConfig(value: unknown, origin = 'config'): Config {
  const result = ConfigSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new LintError('INVALID_CONFIG', `${origin}: invalid configuration${where}: ${issue?.message ?? 'unknown'}`);
  }
  return result.data;
}

/**
 * The enabled rules for a config: the preset (default `recommended`), then `rules` on top.
 * Unknown rule ids throw UNKNOWN_RULE; options failing a rule's schema throw INVALID_RULE_OPTIONS.
 */
export function resolveConfig(
  config: Config = {},
  registry: Readonly<Record<string, Rule>> = builtinRules,
): Map<string, ResolvedRule> {
  const preset = presets[config.preset ?? 'recommended'];
  const settings = new Map<string, { severity: SeverityName; options?: unknown; explicit: boolean }>();
  for (const [id, rule] of Object.entries(registry)) {
    settings.set(id, { severity: preset[id] ?? rule.meta.defaultSeverity, explicit: false });
  }
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    if (!(id in registry)) throw new LintError('UNKNOWN_RULE', `unknown rule "${id}"`);
    if (Array.isArray(entry)) {
      const [severity, options] = entry as [RuleSeverity, unknown?];
      settings.set(id, { severity: severityName(severity), options, explicit: true });
    } else {
      const previous = settings.get(id);
      settings.set(id, { severity: severityName(entry), options: previous?.options, explicit: true });
    }
  }
  const resolved = new Map<string, ResolvedRule>();
  for (const [id, setting] of settings) {
    const rule = registry[id];
    if (!rule || setting.severity === 'off') continue;
    resolved.set(id, {
      rule,
      severity: setting.severity,
      options: resolveOptions(rule, setting.options),
      fixed: setting.explicit || config.preset === 'strict',
    });
  }
  return resolved;
}

function resolveOptions(rule: Rule, given: unknown): unknown {
  const defaults = rule.meta.defaultOptions;
  const merged =
    given !== undefined && typeof given === 'object' && given !== null && !Array.isArray(given) && typeof defaults === 'object' && defaults !== null
      ? { ...(defaults), ...(given) }
      : (given ?? defaults ?? {});
  if (!rule.meta.options) return merged;
  const result = rule.meta.options.safeParse(merged);
  if (!result.success) {
    throw new LintError(
      'INVALID_RULE_OPTIONS',
      `invalid options for rule "${rule.meta.id}": ${result.error.issues[0]?.message ?? 'unknown'}`,
    );
  }
  return result.data;
}

/**
 * Reads the configuration: `target` is a config file, or a directory in which
 * xxgk.config.json, then xxgk.config.js (default export) is looked for. Returns `{}` when a
 * directory has none; throws CONFIG_NOT_FOUND for a missing file, CONFIG_LOAD_FAILED / INVALID_CONFIG.
 */
export async function loadConfig(target: string): Promise<Config> {
  const path = resolve(target);
  if (!existsSync(path)) throw new LintError('CONFIG_NOT_FOUND', `config file not found: ${target}`);
  if (statSync(path).isDirectory()) {
    for (const name of CONFIG_FILES) {
      const file = join(path, name);
      if (existsSync(file)) return loadConfigFile(file);
    }
    return {};
  }
  return loadConfigFile(path);
}

async function loadConfigFile(file: string): Promise<Config> {
  let value: unknown;
  try {
    if (file.endsWith('.json')) {
      value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } else {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      value = mod.default;
    }
  } catch (error) {
    throw new LintError('CONFIG_LOAD_FAILED', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseConfig(value, file);
}
