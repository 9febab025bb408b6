// Function Compute handler served locally by the Flowdeck emulator (see ../.flowdeck/emulator.json).
// Prices one order line from a small catalogue.
'use strict';

const catalogue = { 'TEA-100': 12.5, 'CUP-200': 8, 'POT-300': 39.9 };

exports.handler = async (event) => {
  const { sku, quantity } = event;
  const unitPrice = catalogue[sku];
  if (unitPrice === undefined) {
    const error = new Error(`unknown sku ${sku}`);
    error.name = 'UnknownSku';
    throw error;
  }
  return { sku, quantity, amount: Math.round(unitPrice * quantity * 100) / 100 };
};
