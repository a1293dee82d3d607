// The demo's chat page: the rooms on the left; the open room's messages, oldest at the top, each reply in
// its parent's thread, the room's history folded behind "Show older messages". The server sends messages
// newest first and already rendered (names, escaped markdown, file links); this file only places them.
/* global AdaptiveCards */

const SHOW_OLDER_STEP = 20;
/** How far the page reads to find where this session's messages end and the history begins. */
const MAX_PAGES_TO_HISTORY = 20;

const roomList = document.getElementById("room-list");
const roomTitle = document.getElementById("room-title");
const status = document.getElementById("status");
const olderButton = document.getElementById("show-older");
const messageList = document.getElementById("messages");

/** The open room: where the next page starts, messages read but not shown yet, replies waiting for their parent. */
let room;

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function main() {
  const rooms = await getJson("/api/rooms");
  for (const info of rooms) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = info.title;
    button.addEventListener("click", () => openRoom(info, button).catch(showError));
    const item = document.createElement("li");
    item.append(button);
    roomList.append(item);
  }
  const first = roomList.querySelector("button");
  if (rooms[0] && first) await openRoom(rooms[0], first);
  else roomTitle.textContent = "No rooms yet";
}

async function openRoom(info, button) {
  for (const other of roomList.querySelectorAll("button")) other.removeAttribute("aria-current");
  button.setAttribute("aria-current", "true");
  roomTitle.textContent = info.title;
  messageList.textContent = "";
  olderButton.hidden = true;
  const state = { id: info.id, next: "", hidden: [], pendingReplies: new Map() };
  room = state;
  // Shown at first: this session's messages when the server knows where they begin, else the newest page.
  const recent = [];
  for (let pages = 1; ; pages++) {
    const page = await loadPage(state);
    if (room !== state) return; // another room was opened meanwhile
    const begins = page.messages.findIndex((message) => message.historyBegins);
    if (begins !== -1) {
      recent.push(...page.messages.slice(0, begins));
      state.hidden = page.messages.slice(begins);
      break;
    }
    recent.push(...page.messages);
    if (!page.foldsHistory || !state.next || pages >= MAX_PAGES_TO_HISTORY) break;
  }
  for (const message of recent) show(state, message);
  updateOlderButton(state);
}

/** The next page of the room, newest first; `state.next` is null once the oldest message has been read. */
async function loadPage(state) {
  const query = state.next ? `?before=${encodeURIComponent(state.next)}` : "";
  const page = await getJson(`/api/rooms/${encodeURIComponent(state.id)}/messages${query}`);
  state.next = page.next;
  return page;
}

async function showOlder(state) {
  olderButton.disabled = true;
  try {
    let shown = 0;
    while (shown < SHOW_OLDER_STEP) {
      if (state.hidden.length === 0) {
        if (!state.next) break;
        const page = await loadPage(state);
        if (room !== state) return;
        state.hidden.push(...page.messages);
        continue;
      }
      const message = state.hidden.shift();
      show(state, message);
      if (!message.parentId) shown++;
    }
  } finally {
    olderButton.disabled = false;
  }
  updateOlderButton(state);
}

function updateOlderButton(state) {
  olderButton.hidden = state.hidden.length === 0 && !state.next;
}

/**
 * Places one message above everything shown so far (it is older). Read newest first, a reply comes before
 * its parent, so replies wait until the parent is placed, then go into its thread, oldest first.
 */
function show(state, message) {
  if (message.parentId) {
    const waiting = state.pendingReplies.get(message.parentId) ?? [];
    waiting.push(message);
    state.pendingReplies.set(message.parentId, waiting);
    return;
  }
  const element = messageElement(message);
  const thread = element.querySelector(".thread");
  for (const reply of state.pendingReplies.get(message.id) ?? []) thread.prepend(messageElement(reply));
  state.pendingReplies.delete(message.id);
  messageList.prepend(element);
}

function messageElement(message) {
  const article = document.createElement("article");
  article.className = "message";
  const header = document.createElement("header");
  const author = document.createElement("span");
  author.className = "author";
  author.textContent = message.author;
  const time = document.createElement("time");
  const created = new Date(message.created);
  time.dateTime = message.created;
  time.title = created.toLocaleString();
  time.textContent = created.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  header.append(author, time);
  article.append(header);

  const cards = message.cards.map(renderCard).filter((card) => card !== undefined);
  // as in Webex clients, the text of a message with a card is the fallback for clients without cards
  if (cards.length === 0 && message.html) {
    const body = document.createElement("div");
    body.className = "body";
    body.innerHTML = message.html; // rendered and escaped by the server (src/markdown.ts)
    article.append(body);
  }
  if (message.files.length > 0) {
    const files = document.createElement("ul");
    files.className = "files";
    for (const file of message.files) {
      const link = document.createElement("a");
      link.textContent = file.name;
      if (file.href) link.href = file.href;
      link.download = file.name;
      const item = document.createElement("li");
      item.append(link);
      if (file.size !== undefined) {
        const size = document.createElement("span");
        size.className = "size";
        size.textContent = formatSize(file.size);
        item.append(size);
      }
      files.append(item);
    }
    article.append(files);
  }
  article.append(...cards);
  const thread = document.createElement("div");
  thread.className = "thread";
  article.append(thread);
  return article;
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function renderCard(content) {
  try {
    const card = new AdaptiveCards.AdaptiveCard();
    card.parse(content);
    const element = card.render();
    element?.classList.add("card");
    return element;
  } catch (error) {
    console.warn("a card could not be rendered; showing the message's text instead", error);
    return undefined;
  }
}

function showError(error) {
  status.hidden = false;
  status.textContent = `Could not load the messages: ${error instanceof Error ? error.message : String(error)}`;
  document.body.dataset.error = String(error);
}

olderButton.addEventListener("click", () => {
  if (room) showOlder(room).catch(showError);
});

main()
  .catch(showError)
  .finally(() => {
    document.body.dataset.ready = "true";
  });
