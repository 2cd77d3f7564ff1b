import pytest

from toyqueue import QueueService, VirtualClock


@pytest.fixture
def clock():
    return VirtualClock()


@pytest.fixture
def svc(clock):
    return QueueService(clock=clock)


@pytest.fixture
def url(svc):
    return svc.create_queue(QueueName="orders")["QueueUrl"]


@pytest.fixture
def fifo(svc):
    return svc.create_queue(QueueName="orders.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
