def matmul(a, b):
    rows = len(a)
    cols = len(b[0])
    inner = len(b)
    out = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            for k in range(inner):
                out[i][j] += a[i][k] * b[k][j]
    return out
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matmul(a, b))
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(identity)
