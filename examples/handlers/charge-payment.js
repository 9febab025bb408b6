// Function Compute handler served locally by the Flowdeck emulator (see ../.flowdeck/emulator.json).
// Charges the order. The gateway is "busy" on the first attempt for cards ending in 0000 (so the
// flow's Retry is visible) and declines cards ending in 9999 (so its Catch is visible).
'use strict';

exports.handler = async (event) => {
  const { customerId, card = '', lines = [], attempt = 0 } = event;
  if (card.endsWith('0000') && attempt === 0) {
    const error = new Error('the payment gateway is busy, retry shortly');
    error.name = 'PaymentGatewayBusy';
    throw error;
  }
  if (card.endsWith('9999')) {
    const error = new Error(`card ****${card.slice(-4)} was declined`);
    error.name = 'CardDeclined';
    throw error;
  }
  const total = Math.round(lines.reduce((sum, line) => sum + line.amount, 0) * 100) / 100;
  return { paymentId: `pay-${customerId}-${Math.round(total * 100)}`, total };
};
