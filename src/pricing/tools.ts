// Built-in tools: which page row prices a tool (web search depends on the model family).

import type { ToolRow, ToolSection } from './catalog';
import { CATALOG } from './data';
import { PricingError } from './errors';
import { quote } from './show';
import { resolveTextModel } from './models';
import { nameKey } from './names';

const TOOL_NAMES = new Map(
  Object.entries({
    'code interpreter': 'code_interpreter',
    'file search': 'file_search',
    'file search tool call': 'file_search',
    'file search tool calls': 'file_search',
    'file search storage': 'file_search_storage',
    'web search': 'web_search',
    'web search tool call': 'web_search',
    'web search tool calls': 'web_search',
  }),
);

/** The names OPENAI_TOOL_COST accepts, as the README lists them. */
export const TOOL_CHOICES = [
  'code interpreter',
  'file search',
  'file search storage',
  'web search',
];

export function toolRows(): ToolRow[] {
  return (CATALOG.sections.find((s) => s.id === 'tools') as ToolSection).rows;
}

function describe(row: ToolRow): string {
  return `$${row.price.toFixed(2)} per ${row.unit.replace(/\s*\(.*$/, '')}${row.appliesTo ? ` for ${row.appliesTo}` : ''}`;
}

/** The catalog row that prices `tool` (and, for web search, `model`'s family). */
export function resolveTool(tool: string, model: string): ToolRow {
  const key = nameKey(tool).replace(/[_-]+/g, ' ');
  const id = TOOL_NAMES.get(key); // a Map: "constructor" is no tool
  if (!id) {
    throw new PricingError(
      `unknown tool ${quote(tool.trim())} (use ${TOOL_CHOICES.map((t) => `"${t}"`).join(', ')})`,
    );
  }
  const rows = toolRows().filter((r) => r.id === id);
  if (rows.length === 1 && rows[0].models === null) return rows[0];
  const families = rows.map(describe).join('; ');
  if (model.trim() === '') {
    throw new PricingError(
      `${rows[0].name} needs a model: its price depends on the model family (${families})`,
    );
  }
  const resolved = resolveTextModel(model);
  const names = [resolved.row.model, resolved.row.snapshot, ...(resolved.row.aliases ?? [])]
    .filter((n): n is string => !!n)
    .map(nameKey);
  // a family lists aliases; a dated snapshot (also a fine-tuned model's base) belongs to its alias
  const inFamily = (m: string) =>
    names.some((n) => n === nameKey(m) || n.startsWith(`${nameKey(m)}-20`));
  const row = rows.find((r) => r.models!.some(inFamily));
  if (!row) {
    throw new PricingError(
      `the pricing page has no ${rows[0].name} price for ${resolved.name} (${families})`,
    );
  }
  return row;
}
