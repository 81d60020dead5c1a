#!/usr/bin/env node
// npm start: install what is missing, build, and serve the demo with the reference feed.
import {execSync} from 'node:child_process';
import {ensureDeps} from './ensure-deps.mjs';

ensureDeps();
execSync('node scripts/build.mjs', {stdio: 'inherit'});
const {startServer} = await import('../server/main.mjs');
startServer();
