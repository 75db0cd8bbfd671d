// Run parameters from every source, later ones winning: defaults < JSON config file <
// environment (NURTURE_<NAME>) < CLI flags < per-run overrides (HTTP).
import { readFileSync } from 'node:fs';
import {
  InvalidParameterError,
  PARAMETER_NAMES,
  type RunParameters,
  envNameOf,
  parseRunParameters,
  validateRunParameters,
} from '../../application/pipeline/run-parameters.js';

export interface ParameterSources {
  env?: NodeJS.ProcessEnv;
  configFile?: string;
  flags?: Record<string, unknown>;
  overrides?: Record<string, unknown>;
}

export function loadRunParameters(sources: ParameterSources): RunParameters {
  return validateRunParameters(...layersOf(sources));
}

/** The same sources, for the settings that apply outside runs (no email webhook needed). */
export function loadServiceParameters(sources: ParameterSources): RunParameters {
  return parseRunParameters(...layersOf(sources));
}

const layersOf = (sources: ParameterSources): Record<string, unknown>[] => [
  sources.configFile ? readConfigFile(sources.configFile) : {},
  fromEnv(sources.env ?? {}),
  sources.flags ?? {},
  sources.overrides ?? {},
];

function fromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of PARAMETER_NAMES) {
    const value = env[envNameOf(name)];
    if (value !== undefined) values[name] = value;
  }
  return values;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidParameterError('--config', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidParameterError('--config', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidParameterError('--config', `${path} must hold a JSON object of parameters`);
  }
  return parsed as Record<string, unknown>;
}
