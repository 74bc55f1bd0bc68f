// Puppeteer 25 is ESM-only and the node project runs tests as CommonJS, where Jest (before Node
// 24.9) cannot require an ES module. Node itself can (require(esm), Node ≥ 20.19): the node project
// maps `puppeteer` here (jest.config.mjs), and this loads it with Node's own require. Jest's
// `node:module` is a subclass of Node's Module whose createRequire stays inside Jest; its prototype
// is Node's Module, with the real createRequire.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file loaded by Jest
const jestModule = require('node:module');
const nodeModule = Object.getPrototypeOf(jestModule);
module.exports = nodeModule.createRequire(__filename)('puppeteer');
