/** How long a certificate stands before the learner should refresh the training, unless they choose. */
export const DEFAULT_REFRESH_YEARS = 3;
