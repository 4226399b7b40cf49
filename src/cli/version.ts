// plancheck's version, as --version prints it and documents record it (run-info.ts). Its
// own file, so that what a command needs does not import the command line (main.ts), which
// loads the commands.
export const VERSION = '0.1.0';
