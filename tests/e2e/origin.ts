// HEARD_E2E_PORT lets two checkouts on one machine run their end-to-end tests side by side.
export const E2E_PORT = Number(process.env.HEARD_E2E_PORT ?? 4173);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
