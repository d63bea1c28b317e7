#!/usr/bin/env node
/**
 * `npm start`: compiles and trains only if something changed (see buildIfChanged.js), then runs the server in this
 * same process, so a start on a built tree pays for one Node process, not two.
 */
'use strict';
const path = require('node:path');
const { buildIfChanged } = require('./buildIfChanged');

buildIfChanged({ model: true });
require(path.join(__dirname, '..', 'dist', 'bot', 'main.js'));
