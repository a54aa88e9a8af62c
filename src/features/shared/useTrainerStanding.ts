// Whether the trainer who signed an assignment is one this deployment's organisation endorsed today.
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { deploymentTrust } from '../../organisation/organisation';
import { trainerStanding, type TrainerStanding } from '../../organisation/trust';
import type { AssignmentPayload } from '../../trainer/assignmentCode';

export type ShownStanding = TrainerStanding & { organisation?: string };

export function useTrainerStanding(payload: Pick<AssignmentPayload, 'trainer'>): ShownStanding | undefined {
  const { now } = useServices();
  const { key, endorsement } = payload.trainer;
  const [result, setResult] = useState<{ key: string; standing: ShownStanding }>();
  useEffect(() => {
    let live = true;
    void (async () => {
      const anchor = await deploymentTrust();
      const standing = await trainerStanding(anchor, endorsement, key, new Date(now()).toISOString().slice(0, 10));
      if (live)
        setResult({
          key: `${key}.${endorsement ?? ''}`,
          standing: { ...standing, organisation: anchor?.organisationName },
        });
    })();
    return () => {
      live = false;
    };
  }, [key, endorsement, now]);
  return result?.key === `${key}.${endorsement ?? ''}` ? result.standing : undefined;
}
