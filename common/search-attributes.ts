/**
 * Caroni's custom search attributes, so runs can be listed and filtered by
 * workflow name and version in Temporal Web and with the temporal CLI.
 */
export const searchAttributeTypes = {
  CaroniWorkflow: 'Keyword',
  CaroniWorkflowVersion: 'Int',
} as const;
