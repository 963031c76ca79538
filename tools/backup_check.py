"""Compare a database with its restored copy: every table's row count, every attachment's
checksum (ir_attachment.checksum), and every stored file's SHA-1 on disk, in both filestores.
Prints what differs, then one line "N tables, N rows, N attachments equal" (exit 0) or
"FAILED ..." (exit 1).

usage: python backup_check.py DB RESTORED_DB DATA_DIR   (PostgreSQL from the PG* variables)
"""

import hashlib
import os
import sys

import psycopg2

COUNT_ROWS = """
    SELECT table_name,
           (xpath('/row/c/text()',
                  query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name),
                               false, true, '')))[1]::text::bigint
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
     ORDER BY table_name
"""
ATTACHMENTS = "SELECT id, checksum, store_fname FROM ir_attachment ORDER BY id"


def read(db):
    with psycopg2.connect(dbname=db) as cnx, cnx.cursor() as cr:
        cr.execute(COUNT_ROWS)
        counts = dict(cr.fetchall())
        cr.execute(ATTACHMENTS)
        attachments = cr.fetchall()
    cnx.close()
    return counts, attachments


def sha1(path):
    digest = hashlib.sha1()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(db, restored, data_dir):
    problems = []
    counts, attachments = read(db)
    counts_restored, attachments_restored = read(restored)
    for table in sorted(set(counts) | set(counts_restored)):
        if counts.get(table) != counts_restored.get(table):
            problems.append(f"table {table}: {counts.get(table)} rows, restored {counts_restored.get(table)}")
    if attachments != attachments_restored:
        by_id = {row[0]: row for row in attachments_restored}
        for row in attachments:
            if by_id.get(row[0]) != row:
                problems.append(f"attachment {row}: restored {by_id.get(row[0])}")
        problems.append(f"attachments: {len(attachments)}, restored {len(attachments_restored)}")
    files = 0
    for att_id, checksum, store_fname in attachments_restored:
        if not store_fname:
            continue
        files += 1
        for name in (db, restored):
            path = os.path.join(data_dir, "filestore", name, store_fname)
            if not os.path.isfile(path):
                problems.append(f"attachment {att_id}: no file {path}")
            elif sha1(path) != checksum:
                problems.append(f"attachment {att_id}: {path} has SHA-1 {sha1(path)}, checksum {checksum}")
    for line in problems[:50]:
        print(line)
    rows = sum(counts.values())
    summary = f"{len(counts)} tables, {rows} rows, {len(attachments)} attachments ({files} files)"
    if problems:
        print(f"FAILED {len(problems)} differences between {db} and {restored}; {summary}")
        return 1
    print(f"{len(counts)} tables, {rows} rows, {len(attachments)} attachments equal ({files} files checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
