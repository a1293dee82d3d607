"""Drive the real Python Webex SDK against a running @wx/emulator.

Usage: PYTHONPATH=<sdk tree> /usr/bin/python3 check.py <emulator base url>
Works with webexteamssdk 1.6 / 1.6.1 / 1.7 (WebexTeamsAPI) and webexpythonsdk 2.x (WebexAPI).
Each check prints PASS/FAIL/KNOWN (a known SDK bug, python-sdk-behaviour.md section 12).
"""
import itertools
import json
import os
import sys
import tempfile
import time
import traceback
import urllib.request
import warnings

try:
    import webexpythonsdk as sdk

    Client = sdk.WebexAPI
    SDK_NAME = "webexpythonsdk"
except ImportError:
    import webexteamssdk as sdk

    Client = sdk.WebexTeamsAPI
    SDK_NAME = "webexteamssdk"

BASE = sys.argv[1]
if os.environ.get("WIRE"):  # print every request line (urllib3 debug log) to see the rewritten next links
    import logging

    logging.basicConfig(level=logging.DEBUG, format="WIRE %(message)s")
CONTROL = BASE.replace("/v1/", "/_emulator/")
results = []


def control(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(CONTROL + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def check(name, fn, known=None):
    try:
        detail = fn()
        results.append((name, "PASS", detail or ""))
    except Exception as exc:  # noqa: BLE001
        text = "{}: {}".format(type(exc).__name__, exc)
        if known:
            results.append((name, "KNOWN", "{} ({})".format(text, known)))
        else:
            results.append((name, "FAIL", text))
            traceback.print_exc()


def touch(model, *fields):
    """Read declared properties, so dates get parsed and missing fields show up."""
    for field in fields:
        value = getattr(model, field)
        assert value is not None, "{}.{} is None".format(type(model).__name__, field)
    return model


def expect(cond, why):
    if not cond:
        raise AssertionError(why)


def api_error_status(fn):
    try:
        fn()
    except sdk.ApiError as err:
        return err
    raise AssertionError("no ApiError raised")


def requests_since(mark):
    return control("GET", "requests")["items"][mark:]


def request_mark():
    return len(control("GET", "requests")["items"])


control("POST", "reset")
warnings.simplefilter("always")
all_warnings = []
_showwarning = warnings.showwarning


def _record_warning(message, category, *args, **kwargs):
    all_warnings.append("{}: {}".format(category.__name__, message))


warnings.showwarning = _record_warning
state = control("GET", "state")
tokens = state["tokens"]
people = state["people"]
admin = Client(access_token=tokens["admin"], base_url=BASE)
user = Client(access_token=tokens["user"], base_url=BASE)
bot = Client(access_token=tokens["bot"], base_url=BASE)
print("SDK", SDK_NAME, sdk.__version__, "against", BASE)

ctx = {}

# ---------------------------------------------------------------- people
check("people.me", lambda: touch(user.people.me(), "id", "emails", "displayName", "orgId", "created",
                                 "lastModified", "lastActivity", "status", "type").displayName)


def people_list_by_email():
    found = list(user.people.list(email=people["admin"]["emails"][0]))
    expect(len(found) == 1 and found[0].id == people["admin"]["id"], "found {}".format(found))


check("people.list(email)", people_list_by_email)
check("people.get", lambda: touch(user.people.get(people["bot"]["id"]), "id", "created", "type").type)


def people_list_paged():
    mark = request_mark()
    found = list(admin.people.list(max=1))
    ids = [p.id for p in found]
    expect(len(ids) == len(set(ids)) >= 3, "ids {}".format(ids))
    return "{} people over {} requests".format(len(ids), len(requests_since(mark)))


check("people.list(max=1) paged as admin", people_list_paged)


# ---------------------------------------------------------------- rooms
def rooms_create():
    for i in range(5):
        room = user.rooms.create("py room {}".format(i))
        touch(room, "id", "title", "type", "isLocked", "lastActivity", "creatorId", "created")
        ctx.setdefault("rooms", []).append(room.id)
    return "5 rooms"


check("rooms.create", rooms_create)


def rooms_list_paged():
    mark = request_mark()
    found = list(user.rooms.list(max=2))
    ids = [r.id for r in found]
    expect(len(ids) == len(set(ids)), "duplicates")
    expect(set(ctx["rooms"]) <= set(ids), "missing rooms")
    for r in found:
        touch(r, "created", "lastActivity")
    reqs = requests_since(mark)
    return "{} rooms over {} requests".format(len(ids), len(reqs))


check("rooms.list(max=2) paged", rooms_list_paged)
check("rooms.list(type=group, sortBy=created)",
      lambda: expect(len(list(user.rooms.list(type="group", sortBy="created", max=2))) >= 5, "too few"))
check("rooms.get", lambda: touch(user.rooms.get(ctx["rooms"][0]), "id", "title", "created").title)
check("rooms.update", lambda: expect(user.rooms.update(ctx["rooms"][0], title="renamed").title == "renamed",
                                      "title not updated"))
check("rooms.get_meeting_info",
      lambda: touch(user.rooms.get_meeting_info(ctx["rooms"][0]), "roomId", "meetingLink", "sipAddress").meetingLink)
check("rooms.delete", lambda: user.rooms.delete(ctx["rooms"].pop()))
check("rooms.get after delete -> 404",
      lambda: expect(api_error_status(lambda: user.rooms.get(ctx["rooms"][0] + "x")).status_code == 404, "not 404"))

# ---------------------------------------------------------------- messages
room_id = ctx["rooms"][0] if ctx.get("rooms") else user.rooms.create("fallback").id
MESSAGE_FIELDS = ("id", "roomId", "roomType", "personId", "personEmail", "created")


def messages_create_text():
    msg = user.messages.create(roomId=room_id, text="hello")
    ctx["msg"] = msg.id
    return touch(msg, *MESSAGE_FIELDS, "text").id


check("messages.create(text)", messages_create_text)
check("messages.create(markdown)",
      lambda: touch(user.messages.create(roomId=room_id, markdown="**bold**"), *MESSAGE_FIELDS, "markdown", "html").html)


def messages_create_file():
    path = os.path.join(tempfile.mkdtemp(), "note.txt")
    with open(path, "w") as fh:
        fh.write("file body\n")
    msg = user.messages.create(roomId=room_id, text="with file", files=[path])
    touch(msg, *MESSAGE_FIELDS, "files")
    with urllib.request.urlopen(urllib.request.Request(msg.files[0], headers={
            "Authorization": "Bearer " + tokens["user"]})) as resp:
        body = resp.read().decode()
        disposition = resp.headers.get("Content-Disposition")
    expect(body == "file body\n", "content {!r}".format(body))
    expect("note.txt" in (disposition or ""), "disposition {!r}".format(disposition))
    return disposition


check("messages.create(files=[local])", messages_create_file)


def messages_create_card():
    card = {
        "contentType": "application/vnd.microsoft.card.adaptive",
        "content": {"type": "AdaptiveCard", "version": "1.2", "body": [{"type": "TextBlock", "text": "Vote"}],
                    "actions": [{"type": "Action.Submit", "title": "Yes", "data": {"vote": "yes"}}]},
    }
    msg = user.messages.create(roomId=room_id, text="card fallback", attachments=[card])
    ctx["card_msg"] = msg.id
    touch(msg, *MESSAGE_FIELDS, "attachments")
    expect(msg.attachments[0]["contentType"] == card["contentType"], "attachment lost")
    return msg.id


check("messages.create(attachments=[card dict])", messages_create_card)


def messages_reply():
    reply = user.messages.create(roomId=room_id, parentId=ctx["msg"], text="a reply")
    touch(reply, *MESSAGE_FIELDS, "parentId")
    expect(reply.parentId == ctx["msg"], "parentId")
    thread = list(user.messages.list(roomId=room_id, parentId=ctx["msg"]))
    expect([m.id for m in thread] == [reply.id], "thread {}".format(thread))


check("messages.create(parentId) + list(parentId)", messages_reply)


def messages_list_paged():
    control("POST", "seed/messages", {"roomId": room_id, "count": 8, "text": "seeded {i}"})
    mark = request_mark()
    found = list(user.messages.list(roomId=room_id, max=3))
    ids = [m.id for m in found]
    expect(len(ids) == len(set(ids)), "duplicates")
    for m in found:
        touch(m, "created")
    created = [m.created for m in found]
    expect(created == sorted(created, reverse=True), "not newest first")
    reqs = requests_since(mark)
    expect(len(found) >= 12, "only {}".format(len(found)))
    expect(len(reqs) == -(-len(found) // 3) + (1 if len(found) % 3 == 0 else 0) or len(reqs) <= len(found) // 3 + 1,
           "requests {}".format(len(reqs)))
    return "{} messages over {} requests".format(len(found), len(reqs))


check("messages.list(max=3) paged", messages_list_paged)


def messages_list_slice():
    first = list(user.messages.list(roomId=room_id)[:2])
    expect(len(first) == 2, "slice")


check("messages.list()[:2]", messages_list_slice)


def messages_list_before():
    all_msgs = list(user.messages.list(roomId=room_id))
    pivot = all_msgs[4]
    before = list(user.messages.list(roomId=room_id, beforeMessage=pivot.id, max=2))
    expect([m.id for m in before] == [m.id for m in all_msgs[5:]], "beforeMessage paging")
    before_date = list(user.messages.list(roomId=room_id, before=str(pivot.created), max=2))
    expect(len(before_date) >= 1 and all(m.created < pivot.created for m in before_date), "before paging")
    return "{} / {}".format(len(before), len(before_date))


check("messages.list(beforeMessage|before, max=2) paged", messages_list_before)


def bot_mentions():
    group = user.rooms.create("bot group")
    ctx["group"] = group.id
    user.memberships.create(group.id, personId=people["bot"]["id"])
    mention = "<@personId:{}|Bot>".format(people["bot"]["id"])
    mentioned = []
    for i in range(7):
        mentioned.append(user.messages.create(roomId=group.id, markdown="{} ping {}".format(mention, i)).id)
        user.messages.create(roomId=group.id, text="noise {}".format(i))
    mark = request_mark()
    found = list(bot.messages.list(roomId=group.id, mentionedPeople="me", max=3))
    reqs = requests_since(mark)
    expect([m.id for m in found] == list(reversed(mentioned)),
           "got {} of 7 mentions; requests {}".format(len(found), [(r["path"], r["status"]) for r in reqs]))
    statuses = [r["status"] for r in reqs]
    expect(all(s == 200 for s in statuses) and len(reqs) == 3, "requests {}".format(statuses))
    return "7 mentions over {} requests".format(len(reqs))


check("messages.list(mentionedPeople=me, max=3) as bot, paged", bot_mentions)


def bot_without_mention_403():
    err = api_error_status(lambda: list(bot.messages.list(roomId=ctx["group"])))
    expect(err.status_code == 403, "status {}".format(err.status_code))
    return str(err)


check("messages.list as bot without mentionedPeople -> 403", bot_without_mention_403)


def list_direct():
    for i in range(4):
        user.messages.create(toPersonEmail=people["admin"]["emails"][0], text="dm {}".format(i))
    found = list(user.messages.list_direct(personEmail=people["admin"]["emails"][0], max=3))
    expect(len(found) == 4, "got {}".format(len(found)))
    for m in found:
        touch(m, "created", "roomType")
    found2 = list(admin.messages.list_direct(personId=people["user"]["id"]))
    expect(len(found2) == 4, "other side got {}".format(len(found2)))


check("messages.list_direct", list_direct)
check("messages.get", lambda: touch(user.messages.get(ctx["msg"]), *MESSAGE_FIELDS).text)

edit = getattr(user.messages, "update", None) or getattr(user.messages, "edit", None)
if edit:
    def messages_edit():
        edited = edit(ctx["msg"], roomId=room_id, text="edited")
        touch(edited, "text", "updated")
        expect(edited.text == "edited", "text")
        return str(edited.updated)

    check("messages.{}".format(edit.__name__), messages_edit)
else:
    results.append(("messages.edit/update", "N/A", "not in this SDK version"))


def messages_delete():
    user.messages.delete(ctx["msg"])
    err = api_error_status(lambda: user.messages.get(ctx["msg"]))
    expect(err.status_code == 404, "status {}".format(err.status_code))
    expect(err.tracking_id, "no tracking id")
    return str(err)


check("messages.delete + get -> ApiError 404", messages_delete)


# ---------------------------------------------------------------- memberships
def memberships_flow():
    m = user.memberships.create(room_id, personEmail=people["admin"]["emails"][0])
    touch(m, "id", "roomId", "personId", "personEmail", "personDisplayName", "personOrgId", "isModerator", "created")
    err = api_error_status(lambda: user.memberships.create(room_id, personId=people["admin"]["id"]))
    expect(err.status_code == 409, "duplicate status {}".format(err.status_code))
    listed = list(user.memberships.list(roomId=room_id, max=1))
    expect(len(listed) == 2 and len({x.id for x in listed}) == 2, "listed {}".format(len(listed)))
    by_person = list(user.memberships.list(roomId=room_id, personId=people["admin"]["id"]))
    expect([x.id for x in by_person] == [m.id], "by person")
    updated = user.memberships.update(m.id, isModerator=True)
    expect(updated.isModerator is True, "isModerator")
    touch(user.memberships.get(m.id), "created")
    user.memberships.delete(m.id)
    return "409: " + str(err)


check("memberships create/409/list/update/get/delete", memberships_flow)


# ---------------------------------------------------------------- teams
def teams_flow():
    team = user.teams.create("py team")
    touch(team, "id", "name", "creatorId", "created")
    for i in range(2):
        user.teams.create("py team extra {}".format(i))
    teams = list(user.teams.list(max=1))
    expect(len(teams) >= 3 and len({t.id for t in teams}) == len(teams), "teams {}".format(len(teams)))
    expect(user.teams.get(team.id).name == "py team", "get")
    expect(user.teams.update(team.id, name="py team 2").name == "py team 2", "update")
    tm = user.team_memberships.create(team.id, personId=people["admin"]["id"])
    touch(tm, "id", "teamId", "personId", "personEmail", "personDisplayName", "personOrgId", "isModerator", "created")
    listed = list(user.team_memberships.list(team.id, max=1))
    expect(len(listed) == 2, "team memberships {}".format(len(listed)))
    expect(user.team_memberships.update(tm.id, isModerator=True).isModerator is True, "tm update")
    touch(user.team_memberships.get(tm.id), "created")
    user.team_memberships.delete(tm.id)
    team_rooms = list(user.rooms.list(teamId=team.id))
    expect(len(team_rooms) == 1, "general room")
    user.teams.delete(team.id)
    return "ok"


check("teams + team_memberships", teams_flow)


# ---------------------------------------------------------------- webhooks
def webhooks_flow():
    hooks = []
    for i in range(3):
        hooks.append(user.webhooks.create("hook {}".format(i), "http://127.0.0.1:9/hook", "messages", "created",
                                          filter="roomId=" + room_id, secret="s3cret"))
    touch(hooks[0], "id", "name", "targetUrl", "resource", "event", "filter", "secret", "orgId", "createdBy",
          "appId", "ownedBy", "status", "created")
    listed = list(user.webhooks.list(max=2))
    expect(len(listed) == 3, "listed {}".format(len(listed)))
    upd = user.webhooks.update(hooks[0].id, name="renamed", targetUrl="http://127.0.0.1:9/other")
    expect(upd.name == "renamed" and upd.targetUrl.endswith("/other"), "update")
    touch(user.webhooks.get(hooks[0].id), "created")
    for h in hooks:
        user.webhooks.delete(h.id)
    expect(list(user.webhooks.list()) == [], "not deleted")


check("webhooks create/list/update/get/delete", webhooks_flow)


# ---------------------------------------------------------------- attachment actions
def attachment_actions_flow():
    action = user.attachment_actions.create("submit", ctx["card_msg"], {"vote": "yes"})
    touch(action, "id", "personId", "roomId", "type", "messageId", "inputs", "created")
    got = user.attachment_actions.get(action.id)
    expect(got.inputs == {"vote": "yes"} or dict(got.inputs) == {"vote": "yes"}, "inputs {}".format(got.inputs))


check("attachment_actions create/get", attachment_actions_flow)


# ---------------------------------------------------------------- admin
def events_flow():
    evs = list(admin.events.list(resource="messages", max=5))
    expect(len(evs) > 5, "events {}".format(len(evs)))
    touch(evs[0], "id", "resource", "type", "actorId", "orgId", "created", "data")
    got = admin.events.get(evs[0].id)
    expect(got.id == evs[0].id, "get")
    return "{} events".format(len(evs))


check("events list(paged)/get (admin)", events_flow)


def audit_flow():
    org_id = people["admin"]["orgId"]
    # Create auditable changes first (admin creates people).
    for i in range(3):
        admin.people.create(["audited{}@emulated.example.com".format(i)], displayName="Audited {}".format(i))
    now = time.time()
    fmt = lambda t: time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))  # noqa: E731
    mark = request_mark()
    evs = list(admin.admin_audit_events.list(org_id, fmt(now - 86400 * 400 + 86400 * 40), fmt(now + 86400), max=1))
    reqs = requests_since(mark)
    expect(len(evs) >= 3 and len({e.id for e in evs}) == len(evs), "audit events {}".format(len(evs)))
    for e in evs:
        touch(e, "id", "actorId", "created", "data")
        expect(e.data.eventCategory, "eventCategory")
    return "{} audit events over {} requests".format(len(evs), len(reqs))


check("admin_audit_events.list (admin)", audit_flow)


def licenses_flow():
    lic = list(admin.licenses.list())
    expect(lic, "no licenses")
    touch(lic[0], "id", "name", "totalUnits", "consumedUnits")
    expect(admin.licenses.get(lic[0].id).id == lic[0].id, "get")
    return "{} licenses".format(len(lic))


check("licenses list/get", licenses_flow)


def orgs_flow():
    orgs = list(admin.organizations.list())
    touch(orgs[0], "id", "displayName", "created")
    expect(admin.organizations.get(orgs[0].id).id == orgs[0].id, "get")


check("organizations list/get", orgs_flow)


def roles_flow():
    roles = list(admin.roles.list())
    touch(roles[0], "id", "name")
    expect(admin.roles.get(roles[0].id).name == roles[0].name, "get")
    return "{} roles".format(len(roles))


check("roles list/get", roles_flow)


def people_admin_flow():
    p = admin.people.create(["newbie@emulated.example.com"], displayName="Newbie", firstName="New", lastName="Bie")
    touch(p, "id", "emails", "displayName", "created")
    upd = admin.people.update(p.id, emails=["newbie@emulated.example.com"], displayName="Newbie 2")
    expect(upd.displayName == "Newbie 2", "update")
    admin.people.delete(p.id)


check("people create/update/delete (admin)", people_admin_flow)


# ---------------------------------------------------------------- oauth
def access_tokens_flow():
    integ = state["integration"]
    code = control("POST", "authorize", {})["code"]
    tok = user.access_tokens.get(integ["clientId"], integ["clientSecret"], code, integ["redirectUri"])
    touch(tok, "access_token", "expires_in", "refresh_token", "refresh_token_expires_in")
    me = Client(access_token=tok.access_token, base_url=BASE).people.me()
    expect(me.id == people["user"]["id"], "token identity")
    refreshed = user.access_tokens.refresh(integ["clientId"], integ["clientSecret"], tok.refresh_token)
    expect(refreshed.access_token and refreshed.access_token != tok.access_token, "refresh")
    expect(Client(access_token=refreshed.access_token, base_url=BASE).people.me().id == me.id, "refreshed identity")
    err = api_error_status(lambda: user.access_tokens.get(integ["clientId"], integ["clientSecret"], code,
                                                          integ["redirectUri"]))
    expect(err.status_code == 400, "reused code {}".format(err.status_code))
    return "reused code: " + str(err)


check("access_tokens get/refresh", access_tokens_flow)


def oauth_client_flow():
    integ = state["integration"]
    code = control("POST", "authorize", {})["code"]
    api = Client(client_id=integ["clientId"], client_secret=integ["clientSecret"], oauth_code=code,
                 redirect_uri=integ["redirectUri"], base_url=BASE)
    expect(api.people.me().id == people["user"]["id"], "identity")


check("Client(oauth_code=...) constructor exchange", oauth_client_flow)


def guest_flow():
    gi = state["guestIssuer"]
    tok = user.guest_issuer.create("guest-1", "Guest One", gi["issuerId"], str(int(time.time()) + 3600), gi["secret"])
    touch(tok, "token", "expiresIn")
    me = Client(access_token=tok.token, base_url=BASE).people.me()
    expect(me.displayName == "Guest One", "guest identity")


check("guest_issuer.create", guest_flow,
      known=None if SDK_NAME == "webexpythonsdk" else "BUG #14: .decode on str under PyJWT 2")


# ---------------------------------------------------------------- rate limit
def rate_limit_flow():
    control("POST", "faults/next", {"n": 1, "fault": {"status": 429, "retryAfter": 1}})
    start = time.monotonic()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        me = user.people.me()
    elapsed = time.monotonic() - start
    expect(me.id == people["user"]["id"], "result")
    rl = [w for w in caught if "RateLimit" in type(w.message).__name__]
    expect(rl, "no RateLimitWarning")
    expect(elapsed >= 1.0, "waited only {:.2f}s".format(elapsed))
    return "waited {:.2f}s; warning: {}".format(elapsed, rl[0].message)


check("429 Retry-After 1 -> wait and succeed", rate_limit_flow)


def rate_limit_no_wait():
    api = Client(access_token=tokens["user"], base_url=BASE, wait_on_rate_limit=False)
    control("POST", "faults/next", {"n": 1, "fault": {"status": 429, "retryAfter": 7}})
    try:
        api.people.me()
    except sdk.RateLimitError as err:
        expect(err.retry_after == 7, "retry_after {}".format(err.retry_after))
        return str(err)
    raise AssertionError("no RateLimitError")


check("429 with wait_on_rate_limit=False -> RateLimitError(7)", rate_limit_no_wait)


def error_body():
    err = api_error_status(lambda: user.rooms.get("bogus"))
    expect(err.status_code in (400, 404), "status {}".format(err.status_code))
    expect(err.message and err.tracking_id, "message/tracking id missing: {}".format(err.details))
    return str(err)


check("ApiError text from error body", error_body)

# ---------------------------------------------------------------- more filters and shapes
def people_filters():
    ids = "{},{}".format(people["admin"]["id"], people["bot"]["id"])
    by_ids = list(user.people.list(id=ids))
    expect({p.id for p in by_ids} == {people["admin"]["id"], people["bot"]["id"]}, "id list {}".format(by_ids))
    for i in range(3):
        admin.people.create(["prefix{}@emulated.example.com".format(i)], displayName="Prefix Person {}".format(i))
    by_name = list(user.people.list(displayName="Prefix Person", max=1))
    expect(len(by_name) == 3, "displayName paged {}".format(len(by_name)))
    return "id list {} / displayName {}".format(len(by_ids), len(by_name))


check("people.list(id='A,B') and list(displayName, max=1) paged", people_filters)


def memberships_mine():
    mine = list(user.memberships.list(max=2))
    expect(len(mine) >= 3 and len({m.id for m in mine}) == len(mine), "mine {}".format(len(mine)))
    by_email = list(user.memberships.list(roomId=room_id, personEmail=people["user"]["emails"][0]))
    expect(len(by_email) == 1, "by email")
    return "{} memberships".format(len(mine))


check("memberships.list() without roomId, paged; personEmail filter", memberships_mine)


def direct_by_id_and_url_file():
    m = user.messages.create(toPersonId=people["admin"]["id"], text="dm by id",
                             files=["https://example.com/picture.png"])
    touch(m, *MESSAGE_FIELDS, "toPersonId", "files")
    expect(m.roomType == "direct", "roomType {}".format(m.roomType))


check("messages.create(toPersonId, files=[url])", direct_by_id_and_url_file)


def events_from_paged():
    since = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() - 3600))
    evs = list(admin.events.list(resource="messages", type="created", _from=since, max=2))
    expect(len(evs) > 4 and len({e.id for e in evs}) == len(evs), "events {}".format(len(evs)))
    expect(all(e.type == "created" for e in evs), "type filter lost")
    return "{} events".format(len(evs))


check("events.list(_from, type, max=2) paged", events_from_paged)


def webhook_event_parses():
    import http.server
    import threading

    received = []

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        hook = user.webhooks.create("live", "http://127.0.0.1:{}/".format(server.server_port), "messages", "created")
        sent = admin.messages.create(toPersonId=people["user"]["id"], text="webhook me")
        control("POST", "deliveries/flush")
        expect(received, "no delivery")
        event = sdk.WebhookEvent(received[0].decode())
        touch(event, "id", "name", "resource", "event", "orgId", "createdBy", "appId", "ownedBy", "status",
              "actorId", "data")
        expect(event.data.id == sent.id, "data.id")
        expect(user.messages.get(event.data.id).text == "webhook me", "message text")
        user.webhooks.delete(hook.id)
        return "{} {} {}".format(event.resource, event.event, event.data.roomType)
    finally:
        server.shutdown()


check("webhook delivery parsed by WebhookEvent", webhook_event_parses)


def sdk_card_object():
    import importlib

    cards = importlib.import_module(sdk.__name__ + ".models.cards")
    actions = importlib.import_module(sdk.__name__ + ".models.cards.actions")
    choices_cls = getattr(cards, "ChoiceSet", None) or getattr(cards, "Choices")
    card = cards.AdaptiveCard(
        body=[cards.TextBlock(text="Pick one"),
              cards.Text("comment", placeholder="Say something"),
              choices_cls(id="vote", choices=[cards.Choice(title="Yes", value="yes"),
                                              cards.Choice(title="No", value="no")]),
              cards.FactSet(facts=[cards.Fact(title="a", value="b")])],
        actions=[actions.Submit(title="Send", data={"k": "v"}),
                 actions.OpenUrl(url="https://example.com", title="Site")],
    )
    msg = user.messages.create(roomId=room_id, text="card object", attachments=[card])
    content = msg.attachments[0]["content"]
    expect(content["type"] == "AdaptiveCard", "content {}".format(content))
    action = user.attachment_actions.create("submit", msg.id, {"vote": "yes", "comment": "hi"})
    expect(action.messageId == msg.id, "action")
    return "version {}".format(content.get("version"))


check("messages.create(attachments=[SDK AdaptiveCard object])", sdk_card_object,
      known="BUG #12: AdaptiveCard objects not serialised" if sdk.__version__ == "1.6" else None)


def mentioned_groups():
    group = ctx["group"]
    msg = user.messages.create(roomId=group, markdown="<@all> hello everyone")
    touch(msg, "mentionedGroups")
    expect(msg.mentionedGroups == ["all"], "mentionedGroups {}".format(msg.mentionedGroups))
    found = list(bot.messages.list(roomId=group, mentionedPeople="me", max=100))
    return "bot sees {} mentions".format(len(found))


check("markdown <@all> -> mentionedGroups", mentioned_groups)


def rate_limit_mid_paging():
    mark = request_mark()
    control("POST", "faults/route", {"method": "GET", "path": "/v1/messages",
                                     "fault": {"status": 429, "retryAfter": 1}, "times": 1})
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        first = list(itertools.islice(user.messages.list(roomId=room_id, max=2), 1))
    control("DELETE", "faults")
    control("POST", "faults/next", {"n": 1, "fault": {"status": 429, "retryAfter": 1}})
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        container = user.messages.list(roomId=room_id, max=2)
        found = list(container)
    expect(len(found) == len({m.id for m in found}) and len(found) > 4, "found {}".format(len(found)))
    return "{} requests, first={}".format(len(requests_since(mark)), len(first))


check("429 on a list page -> waits and continues", rate_limit_mid_paging)


def before_with_offset():
    import datetime

    before = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=1)).isoformat()
    everything = [m.id for m in user.messages.list(roomId=room_id)]
    paged = [m.id for m in user.messages.list(roomId=room_id, before=before, max=2)]
    expect(paged == everything, "got {} of {}".format(len(paged), len(everything)))
    return "before={} -> {} messages".format(before, len(paged))


check("messages.list(before=isoformat() '+00:00', max=2) paged", before_with_offset)


# ---------------------------------------------------------------- report
width = max(len(r[0]) for r in results)
for name, status, detail in results:
    print("{:<{w}}  {:<5}  {}".format(name, status, detail, w=width))
other = sorted({w for w in all_warnings if "RateLimit" not in w and "ResourceWarning" not in w})
print("warnings outside the rate-limit checks: {}".format(other or "none"))
fails = [r for r in results if r[1] == "FAIL"]
print("{} checks, {} failed".format(len(results), len(fails)))
sys.exit(1 if fails else 0)
