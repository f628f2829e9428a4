// localStorage keys of the embedded mock backend: the UI's Mock controls panel and the mock share them.
export const STATE_KEY = 'serving-console.state'
export const CONTROLS_KEY = 'serving-console.mock'
/** Where a saved state that cannot be read is kept, untouched, for the person to look at. */
export const DAMAGED_STATE_KEY = `${STATE_KEY}.damaged`
