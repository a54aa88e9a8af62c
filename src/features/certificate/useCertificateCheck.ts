// Checks a certificate code against this deployment: intact, possible, and whose key signed it.
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { checkCertificate, type CheckedCertificate } from '../../certificates/certificateTrust';
import { deploymentTrust } from '../../organisation/organisation';

export function useCertificateCheck(code: string | undefined): CheckedCertificate | undefined {
  const { catalog, now } = useServices();
  const [result, setResult] = useState<{ code: string; checked: CheckedCertificate }>();
  useEffect(() => {
    if (code === undefined) return;
    let live = true;
    void (async () => {
      const checked = await checkCertificate(code, {
        modules: catalog.modules,
        anchor: await deploymentTrust(),
        today: new Date(now()).toISOString().slice(0, 10),
      });
      if (live) setResult({ code, checked });
    })();
    return () => {
      live = false;
    };
  }, [code, catalog, now]);
  return result && result.code === code ? result.checked : undefined;
}
