/** Shortest password a person may choose (a one-time password is longer); the staff apps check it before asking. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
