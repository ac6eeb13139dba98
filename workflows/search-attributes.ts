import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Runs carry their definition's name and version, to be listed and filtered in Temporal Web and the CLI. */
export const workflowKey = defineSearchAttributeKey('CaroniWorkflow', SearchAttributeType.KEYWORD);
export const versionKey = defineSearchAttributeKey(
  'CaroniWorkflowVersion',
  SearchAttributeType.INT,
);
