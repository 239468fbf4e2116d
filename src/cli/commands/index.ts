// The command modules of the CLI; each adds its own subcommands.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { accountCommands } from './accounts';
import { adminCommands } from './admin';
import { assessmentCommands } from './assessment';
import { auditCommands } from './audit';
import { curationCommands } from './curation';
import { knowledgeBaseCommands } from './knowledge-base';
import { sanctionsCommands } from './sanctions';
import { toolboxCommands } from './toolbox';
import { exchangeCommands } from './exchange';

export type CommandModule = (program: Command, ctx: CliContext) => void;

export const commandModules: CommandModule[] = [adminCommands, knowledgeBaseCommands, assessmentCommands, curationCommands, toolboxCommands, sanctionsCommands, exchangeCommands, accountCommands, auditCommands];
