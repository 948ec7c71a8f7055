import { recommended, rules as xxgkRules, strict } from '@xxgk/lint';
import { describe, expect, it } from 'vitest';
import plugin, { FILES, rules } from '../src/index.js';

describe('plugin', () => {
  it('has meta with the package name, version and the xxgk namespace', () => {
    expect(plugin.meta).toEqual({ name: '@xxgk/eslint-plugin', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as string, namespace: 'xxgk' });
  });

  it('exposes every @xxgk/lint rule under the same id, generated from the rules map', () => {
    expect(Object.keys(rules).sort()).toEqual(Object.keys(xxgkRules).sort());
    expect(plugin.rules).toBe(rules);
    for (const [id, rule] of Object.entries(xxgkRules)) {
      const meta = rules[id]?.meta;
      expect(meta?.type, id).toBe(rule.meta.type);
      expect(meta?.messages, id).toEqual(rule.meta.messages);
      expect(meta?.docs?.description, id).toBe(rule.meta.docs.description);
      expect(meta?.docs?.url, id).toBe(rule.meta.docs.url);
      expect(meta?.fixable, id).toBe(rule.meta.fixable === true ? 'code' : undefined);
      expect(meta?.hasSuggestions, id).toBe(rule.meta.hasSuggestions === true ? true : undefined);
      expect(meta?.languages, id).toEqual(['xxgk/report']);
      expect(meta?.schema, id).toEqual(rule.meta.options ? false : []);
    }
  });

  it('configs.recommended and configs.strict are flat configs carrying the @xxgk/lint presets', () => {
    for (const [name, preset] of [['recommended', recommended], ['strict', strict]] as const) {
      const config = plugin.configs[name];
      expect(config.name).toBe(`xxgk/${name}`);
      expect(config.files).toEqual(['**/*.{txt,md,html}']);
      expect(config.files).toEqual(FILES);
      expect(config.language).toBe('xxgk/report');
      expect(config.plugins?.xxgk).toBe(plugin);
      const expected = Object.fromEntries(Object.entries(preset).filter(([, s]) => s !== 'off').map(([id, s]) => [`xxgk/${id}`, s]));
      expect(config.rules).toEqual(expected);
      expect(Object.keys(config.rules ?? {}).length).toBeGreaterThan(10);
    }
    // strict turns every recommended warning into an error.
    expect(Object.values(plugin.configs.strict.rules ?? {}).filter((s) => s === 'error').length).toBeGreaterThan(
      Object.values(plugin.configs.recommended.rules ?? {}).filter((s) => s === 'error').length,
    );
  });
});
