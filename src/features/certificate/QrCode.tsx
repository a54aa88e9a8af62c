// The QR code is shared with the assignment pages (src/features/shared/QrCode.tsx).
export { QrCode } from '../shared/QrCode';
