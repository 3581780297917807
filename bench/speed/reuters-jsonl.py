"""Reuters-21578 (../shared/data/news/reuters21578/*.sgm) as JSON Lines for `sitrep ingest`: one story a line
with its id, date, title and body; stories without a body are left out (19,043 remain)."""
import glob, html, json, re, sys
from datetime import datetime

source, target = sys.argv[1], sys.argv[2]
count = 0
with open(target, "w") as out:
    for path in sorted(glob.glob(f"{source}/reut2-*.sgm")):
        text = open(path, encoding="latin-1").read()
        for story in re.finditer(r'<REUTERS.*?NEWID="(\d+)".*?</REUTERS>', text, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story.group(0), re.S)
            date = re.search(r"<DATE>\s*(\d+)-([A-Z]+)-(\d{4})", story.group(0))
            title = re.search(r"<TITLE>(.*?)</TITLE>", story.group(0), re.S)
            if not body or not date:
                continue
            words = html.unescape(body.group(1)).replace("\x03", "").strip()
            if not words:
                continue
            day = datetime.strptime(f"{date.group(1)}-{date.group(2).title()}-{date.group(3)}", "%d-%b-%Y").date()
            record = {"id": f"reuters-{story.group(1)}", "published": day.isoformat(), "source": "Reuters",
                      "title": html.unescape(title.group(1)) if title else None, "text": words}
            out.write(json.dumps(record) + "\n")
            count += 1
print(f"{count} stories", file=sys.stderr)
