class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
head = None
for v in [3, 2, 1]:
    head = Node(v, head)
values = []
node = head
while node is not None:
    values.append(node.value)
    node = node.next
print(values)
def reverse(node):
    prev = None
    while node:
        nxt = node.next
        node.next = prev
        prev = node
        node = nxt
    return prev
head = reverse(head)
print(head.value, head.next.value, head.next.next.value, head.next.next.next)
