"""News feeds (RSS 2.0 and Atom): what is news, its plain-text summaries, and the feeds.
"""
