// The typed preload bridge arrives with the desktop app (issue #4); nothing is exposed yet.
export {}
