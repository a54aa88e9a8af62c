// Checks a certificate code, or an Open Badges credential (JSON), against this deployment: intact,
// possible, and whose key signed it. The credential libraries load only when a badge is checked.
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { checkCertificate, type CheckedCertificate } from '../../certificates/certificateTrust';
import type { CheckedBadge } from '../../certificates/openBadge';
import { deploymentTrust, verifyBase } from '../../organisation/organisation';

export type CheckResult = CheckedCertificate | CheckedBadge;

/** Pasted or opened text that is an Open Badges credential rather than a Heard code. */
export const looksLikeBadge = (input: string) => input.trimStart().startsWith('{');

export function useCertificateCheck(code: string | undefined): CheckResult | undefined {
  const { catalog, now } = useServices();
  const [result, setResult] = useState<{ code: string; checked: CheckResult }>();
  useEffect(() => {
    if (code === undefined) return;
    let live = true;
    void (async () => {
      const context = {
        modules: catalog.modules,
        anchor: await deploymentTrust(),
        today: new Date(now()).toISOString().slice(0, 10),
      };
      let checked: CheckResult;
      if (looksLikeBadge(code)) {
        try {
          const { checkOpenBadge } = await import('../../certificates/openBadge');
          checked = await checkOpenBadge(code, { ...context, verifyBase: verifyBase() });
        } catch {
          checked = { ok: false, problem: 'needs-connection' };
        }
      } else {
        checked = await checkCertificate(code, context);
      }
      if (live) setResult({ code, checked });
    })();
    return () => {
      live = false;
    };
  }, [code, catalog, now]);
  return result && result.code === code ? result.checked : undefined;
}
