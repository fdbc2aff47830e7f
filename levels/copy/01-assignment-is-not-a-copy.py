team = ['ann', 'bo']
alias = team
alias.append('cy')
print(len(team))
print(alias is team)
