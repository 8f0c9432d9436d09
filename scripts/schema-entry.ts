// Bundled and run by scripts/build.mjs: prints the config JSON Schema for the registered rules.
import { configSchema } from '../rules/engine/schema.js';
import { allRules } from '../rules/registry.js';

process.stdout.write(JSON.stringify(configSchema(allRules), null, 2) + '\n');
