"""Many clients adding expenses into one person's month at once, over HTTP: what each answered, how long it took,
and whether the totals and budget alerts came out right. Driven by scripts/contention.sh."""
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
from collections import Counter

port, clients, each = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
AMOUNT = 100


def send(conn, method, path, body=None, headers=None, cookies=None):
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8", "replace")
    if cookies is not None:
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, val = value.split(";")[0].split("=", 1)
                cookies[key] = val
    return response, text


def register(conn, cookies):
    _, page = send(conn, "GET", "/account/register", cookies=cookies)
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1)
    form = {"Input.Email": "contention@example.com", "Input.Password": "a long load passphrase",
            "Input.ConfirmPassword": "a long load passphrase", "__RequestVerificationToken": token}
    response, _ = send(conn, "POST", "/account/register", urllib.parse.urlencode(form),
                       {"Content-Type": "application/x-www-form-urlencoded"}, cookies)
    assert response.status == 302, f"registration answered {response.status}"


cookies = {}
main = http.client.HTTPConnection("127.0.0.1", port)
register(main, cookies)
answers, lock = [], threading.Lock()


def client(number):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for index in range(each):
        body = json.dumps({"amount": AMOUNT, "date": "2026-12-05", "categoryId": "food", "description": f"contention {number}-{index}"})
        started = time.perf_counter()
        response, _ = send(conn, "POST", "/api/expenses", body, {"Content-Type": "application/json"}, dict(cookies))
        with lock:
            answers.append((response.status, (time.perf_counter() - started) * 1000, response.getheader("Retry-After")))


threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
started = time.perf_counter()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
wall = time.perf_counter() - started

latencies = sorted(ms for _, ms, _ in answers)
statuses = Counter(status for status, _, _ in answers)
created = statuses.get(201, 0)
_, page = send(main, "GET", "/", cookies=cookies)
shown = re.search(r"data-total[^>]*>([^<]+)<", page).group(1)
_, alerts = send(main, "GET", "/alerts", cookies=cookies)
alert_rows = re.findall(r'<tr data-key="([^"]+)"', alerts)
print(f"requests: {len(answers)} from {clients} clients in {wall:.1f} s; answers: {dict(sorted(statuses.items()))}")
print(f"latency ms: p50 {latencies[len(latencies) // 2]:.0f}, p95 {latencies[int(len(latencies) * .95)]:.0f}, "
      f"p99 {latencies[int(len(latencies) * .99)]:.0f}, max {latencies[-1]:.0f}")
print(f"total shown: {shown} (expected ₹{created * AMOUNT:,}.00 for {created} stored); alerts: {alert_rows}")
ok = statuses.get(201, 0) == len(answers) and shown == f"₹{created * AMOUNT:,}.00" and len(alert_rows) == len(set(alert_rows))
sys.exit(0 if ok else 1)
