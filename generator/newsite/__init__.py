"""Starting points for editors: a new consultation folder (`consult new`), a new site
(`consult init`), and the files every site shares with this repository.
"""
