import { packageVersion } from '../core/package-version.js';

export const PACKAGE_VERSION = packageVersion();
