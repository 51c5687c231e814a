/** The viewports of the two kinds of people: a mid-range Android phone, and an office desktop. */
export const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** The narrowest phone still common in Vietnam (360×740): what must fit there is checked on it too. */
export const SMALL_PHONE = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
