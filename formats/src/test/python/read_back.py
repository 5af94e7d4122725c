"""Reads a Parquet file written by hybridta-formats with every Python reader installed and compares it,
value by value, with the rows the Java test expects.

usage: python3 read_back.py FILE.parquet EXPECTED.tsv

EXPECTED.tsv has one line per row: epoch day, symbol, then for each float column the IEEE-754 bits of the
value as a signed 64-bit integer, then the int32 column; an empty field is NULL. Prints one line per reader
("pyarrow: 1234 rows equal") and exits 1 on the first difference, 2 if no reader is installed.
"""
import datetime
import struct
import sys

EPOCH = datetime.date(1970, 1, 1)


def bits(x):
    return None if x is None else struct.unpack("<q", struct.pack("<d", x))[0]


def normalize(row):
    day, symbol, *floats, pattern = row
    if isinstance(day, datetime.datetime):
        day = day.date()
    days = (day - EPOCH).days
    floats = [None if f is None or f != f else bits(float(f)) for f in floats]
    pattern = None if pattern is None or pattern != pattern else int(pattern)
    return (days, str(symbol), *floats, pattern)


def expected(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            days, symbol, *floats, pattern = fields
            rows.append((int(days), symbol, *[int(x) if x else None for x in floats], int(pattern) if pattern else None))
    return rows


def pyarrow_rows(path):
    import pyarrow.parquet as pq
    table = pq.read_table(path)
    types = [str(t) for t in table.schema.types]
    assert types == ["date32[day]", "string", "double", "double", "double", "int32"], types
    meta = pq.ParquetFile(path).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD" if meta.num_row_groups else True
    return [tuple(r.values()) for r in table.to_pylist()]


def pandas_rows(path):
    import pandas as pd
    frame = pd.read_parquet(path)
    assert str(frame.dtypes["close"]) == "float64", frame.dtypes
    out = []
    for r in frame.itertuples(index=False):
        pattern = r[5]
        out.append((r[0], r[1], *[None if v != v else v for v in r[2:5]], None if pd.isna(pattern) else int(pattern)))
    return out


def polars_rows(path):
    import polars as pl
    frame = pl.read_parquet(path)
    assert [str(t) for t in frame.dtypes] == ["Date", "String", "Float64", "Float64", "Float64", "Int32"], frame.dtypes
    return frame.rows()


def duckdb_rows(path):
    import duckdb
    return duckdb.sql(f"SELECT * FROM read_parquet('{path}')").fetchall()


def fastparquet_rows(path):
    import fastparquet
    frame = fastparquet.ParquetFile(path).to_pandas()
    import pandas as pd
    return [(r[0], r[1], *[None if v != v else v for v in r[2:5]], None if pd.isna(r[5]) else int(r[5]))
            for r in frame.itertuples(index=False)]


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    want = expected(expected_path)
    readers = {"pyarrow": pyarrow_rows, "pandas": pandas_rows, "polars": polars_rows,
               "duckdb": duckdb_rows, "fastparquet": fastparquet_rows}
    ran = 0
    for name, read in readers.items():
        try:
            got = read(path)
        except ImportError as e:
            print(f"{name}: not installed ({e})")
            continue
        ran += 1
        got = [normalize(r) for r in got]
        if len(got) != len(want):
            print(f"{name}: {len(got)} rows, expected {len(want)}")
            sys.exit(1)
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                print(f"{name}: row {i} is {g}, expected {w}")
                sys.exit(1)
        print(f"{name}: {len(got)} rows equal")
    sys.exit(0 if ran else 2)


if __name__ == "__main__":
    main()
