// A browser as people name it — "Chrome on Android" — from the User-Agent the server kept at sign-in.
const BROWSERS = [["SamsungBrowser", "Samsung Internet"], ["Edg", "Edge"], ["OPR", "Opera"], ["Firefox", "Firefox"],
  ["Chrome", "Chrome"], ["Chromium", "Chromium"], ["Safari", "Safari"]];
const SYSTEMS = [["Android", "Android"], ["iPhone", "iPhone"], ["iPad", "iPad"], ["Windows", "Windows"],
  ["Mac OS X", "Mac"], ["CrOS", "ChromeOS"], ["Linux", "Linux"]];

const first = (text, list) => list.find(([mark]) => text.includes(mark))?.[1];

export function device(userAgent) {
  const text = userAgent || "";
  const browser = first(text, BROWSERS);
  const system = first(text, SYSTEMS);
  if (browser && system) return `${browser} · ${system}`;
  return browser || system || text.slice(0, 60);
}
