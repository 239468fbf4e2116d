// The command modules of the CLI; each adds its own subcommands.
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { adminCommands } from './admin';
import { assessmentCommands } from './assessment';
import { knowledgeBaseCommands } from './knowledge-base';
import { toolboxCommands } from './toolbox';

export type CommandModule = (program: Command, ctx: CliContext) => void;

export const commandModules: CommandModule[] = [adminCommands, knowledgeBaseCommands, assessmentCommands, toolboxCommands];
