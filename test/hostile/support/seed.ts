/**
 * The seed of the hostile suite's fast-check runs: random per run, or
 * `HOSTILE_SEED=<seed>` to replay a failing run (failures print theirs).
 */
export const hostileSeed = process.env.HOSTILE_SEED
  ? Number(process.env.HOSTILE_SEED)
  : Math.floor(Math.random() * 2 ** 31);
