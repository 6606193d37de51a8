# Ordering comparison between instances that define none.
# expect: TypeError: '<' not supported between instances of 'Task' and 'Task'
class Task:
    def __init__(self, priority):
        self.priority = priority
    def __repr__(self):
        return f"Task({self.priority})"
tasks = [Task(3), Task(1), Task(2)]
print(sorted(tasks, key=lambda t: t.priority))
print(tasks[0] == tasks[0], tasks[0] != tasks[1])
print(sorted(tasks))
