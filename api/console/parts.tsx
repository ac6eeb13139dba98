import type { FC } from 'hono/jsx';
import { KeyState, type TrustedKeyView } from '../../common/trusted-keys.ts';
import type { UsageGroup, UsageSums } from '../../common/usage.ts';
import { valueOf, type FormValues } from './form.ts';
import { ActionButton, Field, TextArea, Time } from './layout.tsx';

/** The public key of a party to trust, as `trustedKeyFields` reads it; `whose`: where `caroni keys show` runs. */
export const PublicKeyArea: FC<{ whose: string; values: FormValues | undefined }> = ({
  whose,
  values,
}) => (
  <TextArea
    name="publicKeyPem"
    label="Public key"
    hint={`Ed25519, PEM: caroni keys show on ${whose} machine`}
    rows={4}
    value={valueOf(values, 'publicKeyPem')}
    required
  />
);

/** How long a party's previous key stays valid, as `trustedKeyFields` reads it. */
export const GraceField: FC<{ values: FormValues | undefined }> = ({ values }) => (
  <Field
    name="graceSeconds"
    label="Grace period"
    type="number"
    hint="seconds a previous key stays valid; empty: 7 days"
    value={valueOf(values, 'graceSeconds')}
  />
);

/** A party's trusted keys with their state; a button revokes each key not revoked yet. */
export const KeyList: FC<{
  keys: TrustedKeyView[];
  revokePath: (keyId: string) => string;
  csrf: string;
}> = ({ keys, revokePath, csrf }) => (
  <ul>
    {keys.map((key) => (
      <li>
        <code>{key.keyId}</code> <strong>{key.state}</strong>
        {key.notAfter && key.state === KeyState.Retired && (
          <>
            {' '}
            until <Time at={key.notAfter} />
          </>
        )}{' '}
        {key.state !== KeyState.Revoked && (
          <ActionButton action={revokePath(key.keyId)} csrf={csrf} label={`Revoke ${key.keyId}`} />
        )}
      </li>
    ))}
  </ul>
);

const seconds = (ms: number) => (ms / 1_000).toFixed(1);

const SumCells: FC<{ sums: UsageSums }> = ({ sums }) => (
  <>
    <td>{sums.jobs}</td>
    <td>{seconds(sums.queueWaitMs)}</td>
    <td>{seconds(sums.wallMs)}</td>
    <td>{seconds(sums.slotMs)}</td>
    <td>{seconds(sums.cpuMs)}</td>
    <td>{Math.round(sums.peakRssKb / 1024)}</td>
  </>
);

/** Usage per party (agents on a manager, managers on an agent) and job type, as the signed results reported it. */
export function UsageTable<K extends string>({
  groups,
  partyKey,
  partyLabel,
}: {
  groups: UsageGroup<K>[];
  partyKey: K;
  partyLabel: string;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{partyLabel}</th>
          <th scope="col">Job type</th>
          <th scope="col">Runs</th>
          <th scope="col">Queue wait (s)</th>
          <th scope="col">Wall (s)</th>
          <th scope="col">Slot (s)</th>
          <th scope="col">CPU (s)</th>
          <th scope="col">Peak memory, summed (MiB)</th>
        </tr>
      </thead>
      <tbody>
        {groups.length === 0 && (
          <tr>
            <td colspan={8}>No finished job runs yet.</td>
          </tr>
        )}
        {groups.map((group) => (
          <>
            <tr>
              <th scope="row" rowspan={group.jobTypes.length + 1}>
                {group[partyKey]}
              </th>
              <td>
                <strong>all</strong>
              </td>
              <SumCells sums={group} />
            </tr>
            {group.jobTypes.map((jobType) => (
              <tr>
                <td>{jobType.jobType}</td>
                <SumCells sums={jobType} />
              </tr>
            ))}
          </>
        ))}
      </tbody>
    </table>
  );
}
