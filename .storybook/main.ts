// Storybook for designers: every element, state, language and theme (see README, "Storybook").
// Runs offline: no telemetry, no update checks, no fonts or scripts from other hosts.
import type {StorybookConfig} from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: {name: '@storybook/web-components-vite', options: {}},
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false},
};

export default config;
